//go:build tools

// Package tools records the OpenTofu CLI as a dependency of this module so that
// go.mod/go.sum pin every module needed to build it.
package tools

import _ "github.com/opentofu/opentofu/cmd/tofu"
