using TwitchRelay.Cli;

return await RelayCli.RunAsync(args);
