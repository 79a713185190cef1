package main

import (
	"fmt"
	"os"
	"time"

	"github.com/vbauerster/mpb/v8"
	"github.com/vbauerster/mpb/v8/decor"

	"github.com/gwrfacts/gwr/extract/batch"
)

// newBar draws documents done / total, MB/s and ETA with mpb.
func newBar(f *os.File, total int) progress {
	p := mpb.New(mpb.WithOutput(f), mpb.WithWidth(40), mpb.WithRefreshRate(150*time.Millisecond))
	var mbps float64
	bar := p.AddBar(int64(total),
		mpb.PrependDecorators(decor.Name("extract "), decor.CountersNoUnit("%d/%d docs")),
		mpb.AppendDecorators(
			decor.Any(func(decor.Statistics) string { return fmt.Sprintf("%6.1f MB/s ", mbps) }),
			decor.EwmaETA(decor.ET_STYLE_GO, 30),
		),
	)
	last := time.Now()
	return progress{
		update: func(s batch.Stats) {
			if s.Elapsed > 0 {
				mbps = float64(s.Bytes) / 1e6 / s.Elapsed.Seconds()
			}
			bar.EwmaIncrement(time.Since(last))
			last = time.Now()
		},
		finish: func() {
			bar.Abort(false)
			p.Wait()
		},
	}
}

func isTerminal(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
