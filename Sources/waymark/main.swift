import WaymarkCommands

await WaymarkCommand.runMain()
