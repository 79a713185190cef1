package batch

// The sidecar of an output directory and the checks --append makes before
// it adds to one.

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/gwrfacts/gwr/schema"
)

// MetaFile is the sidecar every run writes into its output directory, in
// every format and layout: the metadata Parquet and Arrow files hold in
// their schema (schema version, tool version, rules hash), as one JSON
// object with the same keys, so that JSON Lines and CSV outputs carry it
// too and --append can check it whatever the format.
const MetaFile = "gwr.json"

// writeMeta writes MetaFile into dir under a temporary name and renames
// it into place.
func (o *Output) writeMeta() error {
	b, err := json.MarshalIndent(map[string]string{
		schema.KeySchemaVersion: schema.SchemaVersion,
		schema.KeyToolVersion:   o.meta.ToolVersion,
		schema.KeyRulesHash:     o.meta.RulesHash,
	}, "", "  ")
	if err != nil {
		return fmt.Errorf("batch: %w", err)
	}
	tmp, err := o.newTemp("." + MetaFile + ".tmp-*")
	if err != nil {
		return err
	}
	if _, err := tmp.Write(append(b, '\n')); err != nil {
		return fmt.Errorf("batch: %w", err)
	}
	if err := errors.Join(tmp.Sync(), tmp.Close()); err != nil {
		return fmt.Errorf("batch: %w", err)
	}
	return publish(tmp.Name(), filepath.Join(o.dir, MetaFile), true)
}

// ReadMeta reads the MetaFile of an output directory.
func ReadMeta(dir string) (map[string]string, error) {
	b, err := os.ReadFile(filepath.Join(dir, MetaFile))
	if err != nil {
		return nil, err
	}
	m := map[string]string{}
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("%s: %w", filepath.Join(dir, MetaFile), err)
	}
	return m, nil
}
