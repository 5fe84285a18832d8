module gctracelab/forgotten-goroutines

go 1.19
