package serve

import (
	"context"
	"testing"
)

type key struct{}

func TestDetachableForwardsUntilReleased(t *testing.T) {
	parent, cancel := context.WithCancel(context.WithValue(context.Background(), key{}, "request data"))
	defer cancel()
	d := detach(parent)
	child, cancelChild := context.WithCancel(d) // what the framework does, keeping cancelChild
	defer cancelChild()
	if child.Value(key{}) != "request data" || child.Err() != nil {
		t.Fatalf("before release: value %v, err %v", child.Value(key{}), child.Err())
	}
	d.release()
	if d.Value(key{}) != nil || d.Err() == nil {
		t.Fatalf("after release the request's context is still reachable: value %v, err %v", d.Value(key{}), d.Err())
	}
	cancel() // the RPC ends: the framework's child is cancelled through the request's context
	<-child.Done()
}
