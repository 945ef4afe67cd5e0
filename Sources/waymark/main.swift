import WaymarkCommands

WaymarkCommand.runMain()
