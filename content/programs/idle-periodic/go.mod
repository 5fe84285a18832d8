module gctracelab/idle-periodic

go 1.19
