package a

import "sync"

// Server.mu then Client.mu in Register; Client.mu then Server.mu in Close,
// through a call.
type Server struct {
	mu      sync.Mutex
	clients map[*Client]bool
}

type Client struct {
	mu     sync.Mutex
	server *Server
	closed bool
}

func (s *Server) Register(c *Client) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c.mu.Lock() // want `lock order inversion: Server\.mu then Client\.mu here, but Client\.mu then Server\.mu in Close at line 30 \(locked by remove at line 34\); two goroutines taking them in opposite orders deadlock; take them in one fixed order`
	defer c.mu.Unlock()
	s.clients[c] = !c.closed
}

func (c *Client) Close() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.closed = true
	c.server.remove(c)
}

func (s *Server) remove(c *Client) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.clients, c)
}

// The same two types, always Hub.mu before Peer.mu.
type Hub struct {
	mu    sync.Mutex
	peers map[*Peer]bool
}

type Peer struct {
	mu  sync.Mutex
	hub *Hub
	up  bool
}

func (h *Hub) Add(p *Peer) {
	h.mu.Lock()
	defer h.mu.Unlock()
	p.mu.Lock()
	defer p.mu.Unlock()
	h.peers[p] = p.up
}

func (p *Peer) Close() {
	p.mu.Lock()
	p.up = false
	p.mu.Unlock() // released before taking Hub.mu
	p.hub.remove(p)
}

func (h *Hub) remove(p *Peer) {
	h.mu.Lock()
	defer h.mu.Unlock()
	delete(h.peers, p)
}

// A tree locks parent then child: the same field of one type, not reported.
type Node struct {
	mu       sync.Mutex
	children []*Node
	parent   *Node
}

func (n *Node) AddChild(c *Node) {
	n.mu.Lock()
	defer n.mu.Unlock()
	c.mu.Lock()
	c.parent = n
	c.mu.Unlock()
	n.children = append(n.children, c)
}

func (n *Node) Detach() {
	n.mu.Lock()
	defer n.mu.Unlock()
	if p := n.parent; p != nil {
		p.mu.Lock()
		p.children = nil
		p.mu.Unlock()
	}
}
