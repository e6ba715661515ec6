from aftersail.cli import main

main()
