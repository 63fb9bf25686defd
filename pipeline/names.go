package pipeline

import (
	"path/filepath"

	"github.com/align-tools/align/names"
)

// addNames writes names.json with the others.
func (o *outputs) addNames(groups []names.Group) error {
	f, err := createAtomic(filepath.Join(o.dir, "names.json"))
	if err != nil {
		return err
	}
	o.files = append(o.files, f)
	return names.WriteJSON(f, groups)
}
