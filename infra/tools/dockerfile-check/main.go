// dockerfile-check runs BuildKit's own Dockerfile checks — the rules of `docker build --check` — without a BuildKit
// daemon or a Docker engine: each Dockerfile is parsed and converted by BuildKit's dockerfile2llb.DockerfileLint, as a
// build would, with every stage, and base images are answered by a stub resolver (linux on this machine's
// architecture, an empty config), so no registry is reached. Not checked therefore: CopyIgnoredFile (it needs the
// build context's .dockerignore through a BuildKit client) and a real base image's platform (InvalidBaseImagePlatform).
//
// Usage: dockerfile-check FILE...
// Prints one JSON object per finding ({"file","rule","line","message","url"}; rule "BuildError" when the Dockerfile
// does not convert at all). Exit status 0 when there is none, 1 when there is any, 2 on a usage or read error.
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"runtime"

	"github.com/moby/buildkit/client/llb"
	"github.com/moby/buildkit/client/llb/sourceresolver"
	"github.com/moby/buildkit/frontend/dockerfile/dockerfile2llb"
	"github.com/opencontainers/go-digest"
)

type stubResolver struct{}

func (stubResolver) ResolveImageConfig(_ context.Context, ref string, opt sourceresolver.Opt) (string, digest.Digest, []byte, error) {
	platform := map[string]string{"os": "linux", "architecture": runtime.GOARCH}
	if opt.ImageOpt != nil && opt.ImageOpt.Platform != nil {
		platform = map[string]string{"os": opt.ImageOpt.Platform.OS, "architecture": opt.ImageOpt.Platform.Architecture}
	}
	config, err := json.Marshal(map[string]any{"os": platform["os"], "architecture": platform["architecture"], "config": map[string]any{}, "rootfs": map[string]any{"type": "layers"}})
	if err != nil {
		return "", "", nil, err
	}
	return ref, digest.FromBytes(config), config, nil
}

type finding struct {
	File    string `json:"file"`
	Rule    string `json:"rule"`
	Line    int32  `json:"line"`
	Message string `json:"message"`
	URL     string `json:"url,omitempty"`
}

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: dockerfile-check FILE...")
		os.Exit(2)
	}
	out := json.NewEncoder(os.Stdout)
	found := 0
	for _, file := range os.Args[1:] {
		dt, err := os.ReadFile(file)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		results, err := dockerfile2llb.DockerfileLint(context.Background(), dt, dockerfile2llb.ConvertOpt{
			SourceMap:    &llb.SourceMap{Definition: &llb.Definition{}, Filename: file, Language: "Dockerfile", Data: dt},
			MetaResolver: stubResolver{},
		})
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		for _, w := range results.Warnings {
			line := int32(0)
			if w.Location != nil && len(w.Location.Ranges) > 0 {
				line = w.Location.Ranges[0].Start.Line
			}
			_ = out.Encode(finding{File: file, Rule: w.RuleName, Line: line, Message: w.Detail, URL: w.URL})
			found++
		}
		if results.Error != nil {
			line := int32(0)
			if len(results.Error.Location.Ranges) > 0 {
				line = results.Error.Location.Ranges[0].Start.Line
			}
			_ = out.Encode(finding{File: file, Rule: "BuildError", Line: line, Message: results.Error.Message})
			found++
		}
	}
	if found > 0 {
		os.Exit(1)
	}
}
