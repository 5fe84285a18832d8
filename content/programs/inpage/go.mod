module gctracelab/inpage

go 1.19
