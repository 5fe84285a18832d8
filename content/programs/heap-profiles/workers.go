package main

import "time"

type request struct {
	id    int
	body  []byte
	reply chan []byte // nobody ever sends on this channel
}

// startWorkers starts `rate` workers per second, forever (forgotten-goroutines).
func startWorkers(rate, bufSize, garbage int) {
	start := time.Now()
	id := 0
	for {
		due := int(time.Since(start).Seconds() * float64(rate))
		for ; id < due; id++ {
			sink = make([]byte, garbage) // short-lived garbage
			req := &request{id: id, body: make([]byte, bufSize), reply: make(chan []byte)}
			go worker(req)
			// Bug: the reply is never sent.
		}
		time.Sleep(2 * time.Millisecond)
	}
}

// worker waits for a reply that never comes: the goroutine, its stack and
// req.body are kept forever.
func worker(req *request) {
	var scratch [8 << 10]byte // a big local array: this goroutine's stack grows
	n := copy(scratch[:], req.body)

	reply := <-req.reply // blocks forever

	copy(req.body, reply)
	req.body = append(req.body, scratch[:n]...)
}
