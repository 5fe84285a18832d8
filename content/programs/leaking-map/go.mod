module gctracelab/leaking-map

go 1.19
