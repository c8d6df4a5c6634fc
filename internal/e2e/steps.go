package e2e

import "strconv"

// Step is one CLI invocation: its name (for tables and logs) and its arguments.
type Step struct {
	Name string
	Args []string
}

func parallelism(p int) []string {
	if p <= 0 {
		return nil
	}
	return []string{"-parallelism=" + strconv.Itoa(p)}
}

func step(name string, p int, args ...string) Step {
	args = append(args, "-input=false", "-no-color")
	return Step{Name: name, Args: append(args, parallelism(p)...)}
}

// Init is `init -input=false -no-color`.
func Init() Step { return Step{Name: "init", Args: []string{"init", "-input=false", "-no-color"}} }

// Plan is `plan` at parallelism p (p <= 0 leaves the CLI's default of 10).
func Plan(p int) Step { return step("plan", p, "plan") }

// Apply is `apply -auto-approve` at parallelism p.
func Apply(p int) Step { return step("apply", p, "apply", "-auto-approve") }

// RefreshPlan is `plan -refresh-only` at parallelism p.
func RefreshPlan(p int) Step { return step("refresh-only plan", p, "plan", "-refresh-only") }

// Destroy is `destroy -auto-approve` at parallelism p.
func Destroy(p int) Step { return step("destroy", p, "destroy", "-auto-approve") }

// With returns a copy of s with extra arguments appended (for example "-refresh=false").
func (s Step) With(args ...string) Step {
	s.Args = append(append([]string(nil), s.Args...), args...)
	return s
}
