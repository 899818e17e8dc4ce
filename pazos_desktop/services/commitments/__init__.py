"""Commitments (compromisos): create, edit and follow them up (`editing`), their rules as pure
functions every door calls (`rules`), and the search of the register (`search`)."""
