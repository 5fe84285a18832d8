module gctracelab/sawtooth

go 1.19
