package australia

// ReadXLSX exposes the workbook scanner to the external tests.
var ReadXLSX = readXLSX
