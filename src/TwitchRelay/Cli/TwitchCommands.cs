using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TwitchRelay.Cli.Config;
using TwitchRelay.Hosting;
using TwitchRelay.Storage;
using TwitchRelay.Twitch.Linking;

namespace TwitchRelay.Cli;

/// <summary><c>twitch link|relink --guild ID</c> print a one-time link to open in a browser;
/// <c>twitch unlink --guild ID</c> wipes the guild's link and rules at once. Until the dashboard exists, these are
/// how an operator links a guild.</summary>
internal static class TwitchCommands
{
    public static Command Create(CliContext cli)
    {
        var twitch = new Command("twitch", "Link, re-link or un-link a guild's Twitch account.");
        twitch.Subcommands.Add(LinkCommand(cli, "link", relink: false,
            "Print a one-time URL (valid 10 minutes) that links a Twitch account to the guild."));
        twitch.Subcommands.Add(LinkCommand(cli, "relink", relink: true,
            "Like link, but forces Twitch's consent screen: repairs a broken link, adds scopes."));

        var guild = GuildOption();
        var unlink = new Command("unlink", "Delete the guild's link and all its alert rules; release the account.");
        unlink.Options.Add(guild);
        unlink.SetAction((parse, token) => ToolHost.RunAsync(
            cli,
            (services, ct) => UnlinkAsync(cli, services, parse.GetValue(guild)!, ct),
            token));
        twitch.Subcommands.Add(unlink);
        return twitch;
    }

    private static Option<string> GuildOption()
    {
        var guild = new Option<string>("--guild") { Description = "The Discord guild (server) id.", Required = true };
        guild.Validators.Add(result =>
        {
            if (!Ids.IsSnowflake(result.GetValueOrDefault<string>()))
            {
                result.AddError("--guild must be a Discord id (17 to 20 digits).");
            }
        });
        return guild;
    }

    private static Command LinkCommand(CliContext cli, string name, bool relink, string description)
    {
        var guild = GuildOption();
        var command = new Command(name, description);
        command.Options.Add(guild);
        command.SetAction((parse, token) => ToolHost.RunAsync(
            cli,
            async (services, ct) =>
            {
                if (!services.GetRequiredService<IOptions<Twitch.TwitchOptions>>().Value.HasClientCredentials)
                {
                    await cli.Error.WriteLineAsync("Linking needs Twitch:ClientId and Twitch:ClientSecret "
                        + "(environment: Twitch__ClientId, Twitch__ClientSecret) from your application at "
                        + "https://dev.twitch.tv/console/apps.");
                    return ExitCodes.Configuration;
                }

                var ticket = await services.GetRequiredService<LinkTickets>()
                    .IssueAsync(parse.GetValue(guild)!, relink, ct);
                var baseUrl = services.GetRequiredService<ServiceAddress>().BaseUrl();
                await cli.Out.WriteLineAsync(
                    "Open this in the browser of the streamer "
                    + $"(valid {LinkTickets.Lifetime.TotalMinutes:0} minutes, once):");
                await cli.Out.WriteLineAsync(
                    $"{baseUrl}{LinkEndpoints.LinkPath}?guild={parse.GetValue(guild)}&ticket={ticket}");
                await cli.Out.WriteLineAsync(
                    $"Twitch must know {baseUrl}{LinkEndpoints.CallbackPath} as a redirect URL of your application.");
                return ExitCodes.Ok;
            },
            token));
        return command;
    }

    private static async Task<int> UnlinkAsync(
        CliContext cli,
        IServiceProvider services,
        string guildId,
        CancellationToken token)
    {
        var unlinked = await services.GetRequiredService<Unlinker>().UnlinkAsync(guildId, token);
        if (unlinked is null)
        {
            await cli.Out.WriteLineAsync($"Guild {guildId} was not linked; nothing to do.");
            return ExitCodes.Failed;
        }

        await cli.Out.WriteLineAsync(
            $"Un-linked guild {guildId}: its link, alert rules, role settings and delivery history are deleted; "
            + $"{unlinked.RolesTaken} role(s) the service gave were taken back.");
        if (unlinked.RolesLeft > 0)
        {
            await cli.Out.WriteLineAsync(
                $"{unlinked.RolesLeft} role(s) could not be taken back (the log says why); remove them in Discord.");
        }

        return ExitCodes.Ok;
    }
}
