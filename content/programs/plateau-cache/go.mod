module gctracelab/plateau-cache

go 1.19
