module gctracelab/steady

go 1.19
