kimbia	anakimbia	V;IND;PRS;3;SG
kitabu		N;PL
