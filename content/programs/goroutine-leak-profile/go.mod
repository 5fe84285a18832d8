module gctracelab/goroutine-leak-profile

go 1.19
