module gctracelab/gomaxprocs-change

go 1.19
