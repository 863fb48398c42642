package cluster

import (
	"archive/tar"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/nats-io/nats.go/jetstream"
)

// Publish uploads the index in dir as a new version and makes it the
// current one: workers switch to it at their next batch. The index must not
// be written meanwhile (a build merges it into one segment, the compact
// form matching reads fastest). It returns the version's name.
func Publish(ctx context.Context, js jetstream.JetStream, dir string) (string, error) {
	if err := setup(ctx, js, 0); err != nil {
		return "", err
	}
	if _, err := os.Stat(filepath.Join(dir, "index_meta.json")); err != nil {
		return "", fmt.Errorf("cluster: %s holds no followmatch index: %w", dir, err)
	}
	obs, err := js.ObjectStore(ctx, IndexBucket)
	if err != nil {
		return "", fmt.Errorf("cluster: bucket %s: %w", IndexBucket, err)
	}
	kv, err := js.KeyValue(ctx, MetaBucket)
	if err != nil {
		return "", fmt.Errorf("cluster: bucket %s: %w", MetaBucket, err)
	}
	// The archive is written to a temporary file first: its digest names
	// the version, and a failed read of the index uploads nothing.
	tmp, err := os.CreateTemp("", "followmatch-snapshot-*.tar.gz")
	if err != nil {
		return "", fmt.Errorf("cluster: snapshot: %w", err)
	}
	defer os.Remove(tmp.Name())
	defer tmp.Close()
	h := sha256.New()
	if err := pack(dir, io.MultiWriter(tmp, h)); err != nil {
		return "", err
	}
	version := fmt.Sprintf("v%s-%s", time.Now().UTC().Format("20060102T150405Z"), hex.EncodeToString(h.Sum(nil))[:12])
	if _, err := tmp.Seek(0, io.SeekStart); err != nil {
		return "", fmt.Errorf("cluster: snapshot: %w", err)
	}
	if _, err := obs.Put(ctx, jetstream.ObjectMeta{Name: version, Description: "followmatch index " + dir}, tmp); err != nil {
		return "", fmt.Errorf("cluster: upload %s: %w", version, err)
	}
	if _, err := kv.Put(ctx, currentKey, []byte(version)); err != nil {
		return "", fmt.Errorf("cluster: make %s current: %w", version, err)
	}
	return version, nil
}

// pack writes the regular files under dir as a gzipped tar.
func pack(dir string, w io.Writer) error {
	zw := gzip.NewWriter(w)
	tw := tar.NewWriter(zw)
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(dir, path)
		if err != nil || rel == "." {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		if d.IsDir() {
			return tw.WriteHeader(&tar.Header{Name: filepath.ToSlash(rel) + "/", Mode: 0o755, Typeflag: tar.TypeDir})
		}
		if !info.Mode().IsRegular() {
			return nil
		}
		if err := tw.WriteHeader(&tar.Header{Name: filepath.ToSlash(rel), Mode: 0o644, Size: info.Size(), Typeflag: tar.TypeReg}); err != nil {
			return err
		}
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		_, err = io.CopyN(tw, f, info.Size())
		return err
	})
	if err != nil {
		return fmt.Errorf("cluster: snapshot %s: %w", dir, err)
	}
	if err := tw.Close(); err != nil {
		return fmt.Errorf("cluster: snapshot %s: %w", dir, err)
	}
	return zw.Close()
}

// fetch downloads version into cache/version (once: a version never
// changes) and returns the index folder.
func fetch(ctx context.Context, obs jetstream.ObjectStore, cache, version string) (string, error) {
	dst := filepath.Join(cache, version)
	if _, err := os.Stat(filepath.Join(dst, "index_meta.json")); err == nil {
		return dst, nil
	}
	if err := os.MkdirAll(cache, 0o755); err != nil {
		return "", fmt.Errorf("cluster: cache %s: %w", cache, err)
	}
	tmp, err := os.MkdirTemp(cache, "incoming-")
	if err != nil {
		return "", fmt.Errorf("cluster: cache %s: %w", cache, err)
	}
	defer os.RemoveAll(tmp)
	obj, err := obs.Get(ctx, version)
	if err != nil {
		return "", fmt.Errorf("cluster: download %s: %w", version, err)
	}
	defer obj.Close()
	if err := unpack(obj, tmp); err != nil {
		return "", fmt.Errorf("cluster: unpack %s: %w", version, err)
	}
	if err := os.Rename(tmp, dst); err != nil && !errors.Is(err, fs.ErrExist) {
		if _, serr := os.Stat(filepath.Join(dst, "index_meta.json")); serr == nil {
			return dst, nil // another worker of this machine was first
		}
		return "", fmt.Errorf("cluster: cache %s: %w", dst, err)
	}
	return dst, nil
}

// unpack extracts a snapshot into dir; names that would leave it are
// refused.
func unpack(r io.Reader, dir string) error {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return err
	}
	tr := tar.NewReader(zr)
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		name := filepath.FromSlash(h.Name)
		if !filepath.IsLocal(name) {
			return fmt.Errorf("entry %q leaves the folder", h.Name)
		}
		path := filepath.Join(dir, name)
		switch h.Typeflag {
		case tar.TypeDir:
			if err := os.MkdirAll(path, 0o755); err != nil {
				return err
			}
		case tar.TypeReg:
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				return err
			}
			f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o644)
			if err != nil {
				return err
			}
			_, err = io.Copy(f, tr)
			if cerr := f.Close(); err == nil {
				err = cerr
			}
			if err != nil {
				return err
			}
		default:
			return fmt.Errorf("entry %q: not a file or folder", strings.TrimSpace(h.Name))
		}
	}
}
