package tfkit

import (
	"errors"
	"fmt"
	"testing"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/wire"
)

func TestIsCode(t *testing.T) {
	err := fmt.Errorf("x: %w", &wire.Error{Code: livespec.CodeRoomNotFound})
	if !IsCode(err, livespec.CodeRoomNotFound) || IsCode(errors.New("plain"), livespec.CodeRoomNotFound) || IsCode(nil, 0) {
		t.Fatal("IsCode")
	}
}
