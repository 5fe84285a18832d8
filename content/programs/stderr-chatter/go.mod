module gctracelab/stderr-chatter

go 1.19
