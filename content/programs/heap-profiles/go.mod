module gctracelab/heap-profiles

go 1.19
