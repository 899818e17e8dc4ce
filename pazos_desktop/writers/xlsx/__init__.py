"""What every generated workbook shares: safe cells (`cells`: text is only ever text), named
styles and print set-up (`styles`), and a list as the window shows it (`lists`)."""
