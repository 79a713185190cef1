package panel

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/gwrfacts/gwr/schema"
)

//go:embed assets/page.html
var pageHTML string

//go:embed assets/panel.css
var pageCSS string

//go:embed assets/panel.js
var pageJS string

// WriteHTML writes one self-contained page of the panel: no file or
// network access is needed to view it. The region view shows, for a
// chosen region, each indicator's targets over the years (a band for a
// range or a bound, a tick for a value) against its outcomes; the year
// view shows, for a chosen year, a table of regions × indicators coloured
// by met and missed. The rows are embedded as JSON.
func WriteHTML(w io.Writer, rows []schema.PanelRow) error {
	if rows == nil {
		rows = []schema.PanelRow{}
	}
	data, err := json.Marshal(rows)
	if err != nil {
		return fmt.Errorf("panel: %w", err)
	}
	// JSON inside a script element: "</" must not close it
	js := strings.ReplaceAll(string(data), "</", `<\/`)
	page := strings.NewReplacer("{{CSS}}", pageCSS, "{{JS}}", pageJS, "{{DATA}}", js).Replace(pageHTML)
	if _, err := io.WriteString(w, page); err != nil {
		return fmt.Errorf("panel: %w", err)
	}
	return nil
}
