import WaymarkCommands

WaymarkCommand.main()
