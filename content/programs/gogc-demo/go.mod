module gctracelab/gogc-demo

go 1.19
