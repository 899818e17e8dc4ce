"""The indicator sheets of a bulk file: declared and loaded (`sheets`), previewed (`preview`,
`lookup`), applied (`apply`), and exported alone (`export`)."""
