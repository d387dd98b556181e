#!/usr/bin/env bash
# Runs a translator with its output sent to /dev/null and its stderr
# dropped (timeit.py keeps a command's stdout; 50 MB of it is not worth
# keeping). exec keeps the translator the process that timeit.py measures.
exec "$@" >/dev/null 2>/dev/null
