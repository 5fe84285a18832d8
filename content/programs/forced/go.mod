module gctracelab/forced

go 1.19
