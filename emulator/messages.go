package emulator

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"time"

	"golang.org/x/time/rate"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
)

// Room messages (send_text_msg, send_custom_msg). The sizes, the room's rate and what happens
// over it are livespec's project decisions. Messages are kept in memory only, never in the
// state file: they are not something Terraform manages, and a test reads them with Messages
// or GET /_emulator/messages?RoomId=….

// Message element types, as the Chat group backing the room stores them.
const (
	MessageText   = "TIMTextElem"
	MessageCustom = "TIMCustomElem"
)

// maxKeptMessages bounds the messages remembered per room; the oldest are forgotten first.
const maxKeptMessages = 1000

// Message is one message a room received, in the vendor's field names.
type Message struct {
	Type          string `json:"MsgType"` // MessageText or MessageCustom
	Sender        string `json:"Sender_Account"`
	Text          string `json:"TextContent,omitempty"`
	ExtensionInfo string `json:"ExtensionInfo,omitempty"`
	BusinessID    string `json:"BusinessId,omitempty"`
	Data          string `json:"Data,omitempty"`
	Seq           int64  `json:"MsgSeq"`
	Time          int64  `json:"MsgTime"` // Unix seconds
}

// messageLog is what one room received; Server.messages holds one per RoomId, under Server.mu.
// It belongs to one *Room: a room dismissed and created again under the same ID starts with an
// empty log and MsgSeq 1.
type messageLog struct {
	room     *Room
	lastSeq  int64
	rate     *rate.Limiter // the room's frequency control
	received []Message
}

// sendResponse is the Response of both send commands.
type sendResponse struct {
	MsgTime       int64  `json:"MsgTime"`
	MsgSeq        int64  `json:"MsgSeq"`
	MsgDropReason string `json:"MsgDropReason,omitempty"`
}

// sendTextMsg: RoomId, Sender_Account and TextContent required; ExtensionInfo optional and, when
// given, a JSON text.
func (s *Server) sendTextMsg(c *call) (result, *apiError) {
	roomID, err := roomIDField(c.body)
	if err != nil {
		return result{}, err
	}
	sender, present, err := senderField(c.body)
	if err != nil {
		return result{}, err
	}
	if !present {
		return result{}, invalidParam("Sender_Account is required")
	}
	text, err := requiredString(c.body, "TextContent")
	if err != nil {
		return result{}, err
	}
	ext, _, err := c.body.str("ExtensionInfo")
	if err != nil {
		return result{}, err
	}
	if ext != "" && !json.Valid([]byte(ext)) {
		return result{}, invalidParam("ExtensionInfo must be an escaped JSON text")
	}
	if len(text)+len(ext) > livespec.MaxMessageBytes {
		return result{}, invalidParam(fmt.Sprintf("TextContent and ExtensionInfo together exceed %d bytes", livespec.MaxMessageBytes))
	}
	return s.deliver(roomID, Message{Type: MessageText, Sender: sender, Text: text, ExtensionInfo: ext})
}

// sendCustomMsg: RoomId, BusinessId and Data required; Sender_Account optional, the calling App
// Admin when absent.
func (s *Server) sendCustomMsg(c *call) (result, *apiError) {
	roomID, err := roomIDField(c.body)
	if err != nil {
		return result{}, err
	}
	sender, present, err := senderField(c.body)
	if err != nil {
		return result{}, err
	}
	if !present {
		sender = c.identifier
	}
	business, err := requiredString(c.body, "BusinessId")
	if err != nil {
		return result{}, err
	}
	data, err := requiredString(c.body, "Data")
	if err != nil {
		return result{}, err
	}
	if len(business)+len(data) > livespec.MaxMessageBytes {
		return result{}, invalidParam(fmt.Sprintf("BusinessId and Data together exceed %d bytes", livespec.MaxMessageBytes))
	}
	return s.deliver(roomID, Message{Type: MessageCustom, Sender: sender, BusinessID: business, Data: data})
}

// senderField reads Sender_Account: a JSON string (60015 otherwise) of 1 to 32 bytes.
func senderField(o object) (string, bool, *apiError) {
	sender, present, err := o.account("Sender_Account")
	if err != nil || !present {
		return "", present, err
	}
	if sender == "" || len(sender) > livespec.MaxUserIDBytes {
		return "", true, invalidParam(fmt.Sprintf("Sender_Account must be 1 to %d bytes", livespec.MaxUserIDBytes))
	}
	return sender, true, nil
}

// requiredString reads a string field that must be present and not empty.
func requiredString(o object, name string) (string, *apiError) {
	v, _, err := o.str(name)
	if err != nil {
		return "", err
	}
	if v == "" {
		return "", invalidParam(name + " is required")
	}
	return v, nil
}

// deliver numbers m and puts it in the room, unless the room's frequency control drops it. A
// missing or dismissed room is 100004, a sender never imported 70107.
func (s *Server) deliver(roomID string, m Message) (result, *apiError) {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.opts.Now()
	r, ok := s.roomLocked(roomID, now)
	if !ok {
		return result{}, fail(livespec.CodeRoomNotFound, "room does not exist")
	}
	if err := s.checkImportedLocked("Sender_Account", []string{m.Sender}); err != nil {
		return result{}, err
	}
	log := s.messageLogLocked(r, now)
	log.lastSeq++
	m.Seq, m.Time = log.lastSeq, now.Unix()
	resp := sendResponse{MsgTime: m.Time, MsgSeq: m.Seq}
	if !log.rate.AllowN(now, 1) {
		resp.MsgDropReason = livespec.MsgDropFrequencyControl
		return result{payload: resp}, nil
	}
	log.received = append(log.received, m)
	if over := len(log.received) - maxKeptMessages; over > 0 {
		log.received = slices.Delete(log.received, 0, over)
	}
	return result{payload: resp}, nil
}

// messageLogLocked returns r's log, starting one (and forgetting the logs of rooms that are
// gone) when r has none yet.
func (s *Server) messageLogLocked(r *Room, now time.Time) *messageLog {
	if log, ok := s.messages[r.RoomID]; ok && log.room == r {
		return log
	}
	if s.messages == nil {
		s.messages = make(map[string]*messageLog)
	}
	for id, log := range s.messages {
		if s.rooms[id] != log.room {
			delete(s.messages, id)
		}
	}
	limiter := rate.NewLimiter(rate.Limit(livespec.RoomMessageRate), livespec.RoomMessageRate)
	limiter.AllowN(now, 0) // full at the emulator's clock, not the wall clock
	log := &messageLog{room: r, rate: limiter}
	s.messages[r.RoomID] = log
	return log
}

// Messages returns the messages a room received, oldest first; dropped ones are not among them.
// A room that does not exist, or that the platform has dismissed, is ErrNoSuchRoom.
func (s *Server) Messages(roomID string) ([]Message, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	r, ok := s.roomLocked(roomID, s.opts.Now())
	if !ok {
		return nil, ErrNoSuchRoom
	}
	out := []Message{}
	if log, ok := s.messages[roomID]; ok && log.room == r {
		out = append(out, log.received...)
	}
	return out, nil
}

// serveMessages answers GET /_emulator/messages?RoomId=…: the room's messages as a JSON array,
// 404 for a room that does not exist.
func (s *Server) serveMessages(w http.ResponseWriter, r *http.Request) {
	roomID := r.URL.Query().Get("RoomId")
	if roomID == "" {
		http.Error(w, "the RoomId query parameter is required", http.StatusBadRequest)
		return
	}
	msgs, err := s.Messages(roomID)
	if errors.Is(err, ErrNoSuchRoom) {
		http.Error(w, err.Error(), http.StatusNotFound)
		return
	}
	writeJSON(w, msgs)
}
