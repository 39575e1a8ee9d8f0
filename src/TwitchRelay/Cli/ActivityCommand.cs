using System.CommandLine;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TwitchRelay.Storage;
using TwitchRelay.Twitch.EventSub;

namespace TwitchRelay.Cli;

/// <summary><c>activity</c>: the latest deliveries with their status (delivered, waiting to retry, failed and why)
/// and what each would post, then the notifications received today per type.</summary>
internal static class ActivityCommand
{
    public static Command Create(CliContext cli)
    {
        var limit = new Option<int>("--limit", "-n")
        {
            Description = "How many deliveries to show.",
            DefaultValueFactory = _ => 20,
        };
        var command = new Command("activity", "Show the latest deliveries and today's notifications.");
        command.Options.Add(limit);
        command.SetAction((parse, token) => ToolHost.RunAsync(
            cli,
            (services, ct) => ShowAsync(cli, services, parse.GetValue(limit), ct),
            token));
        return command;
    }

    private static async Task<int> ShowAsync(CliContext cli, IServiceProvider services, int limit, CancellationToken ct)
    {
        var contexts = services.GetRequiredService<IDbContextFactory<RelayDbContext>>();
        var time = services.GetRequiredService<TimeProvider>();
        await using var db = contexts.CreateDbContext();

        var deliveries = await db.Deliveries.OrderByDescending(x => x.Id).Take(limit).ToListAsync(ct);
        await cli.Out.WriteLineAsync($"Latest deliveries ({deliveries.Count}):");
        foreach (var delivery in deliveries)
        {
            var when = delivery.CreatedAt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            await cli.Out.WriteLineAsync(
                $"  #{delivery.Id} {when} {delivery.EventKey,-22} {delivery.LaneKey,-32} "
                + ActivityText.Status(delivery));
            var preview = delivery.DeletesMessage ? "(deletes the go-live post)" : ActivityText.Preview(delivery.Body);
            await cli.Out.WriteLineAsync($"      {preview}");
        }

        var roleProblems = await db.GuildLinks
            .Where(x => x.LiveRoleProblem != null)
            .Select(x => new { x.GuildId, x.LiveRoleProblem })
            .ToListAsync(ct);
        foreach (var problem in roleProblems)
        {
            await cli.Out.WriteLineAsync($"Live role in guild {problem.GuildId}: {problem.LiveRoleProblem}");
        }

        var since = new DateTimeOffset(time.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero);
        // Only what Twitch sent: a revocation is named as one (its type is the revoked subscription's), and the
        // relay's own rows (ending a post, test alerts) are not notifications.
        var today = await db.Inbox
            .Where(x => x.ReceivedAt >= since
                && (x.MessageType == EventSubMessageTypes.Notification
                    || x.MessageType == EventSubMessageTypes.Revocation))
            .GroupBy(x => new { x.MessageType, x.SubscriptionType })
            .Select(g => new { g.Key.MessageType, g.Key.SubscriptionType, Count = g.Count() })
            .ToListAsync(ct);
        await cli.Out.WriteLineAsync($"Notifications received today (UTC): {today.Sum(x => x.Count)}");
        foreach (var row in today
            .Select(x => (Label: x.MessageType == EventSubMessageTypes.Revocation
                ? "revoked: " + x.SubscriptionType
                : x.SubscriptionType, x.Count))
            .OrderBy(x => x.Label, StringComparer.Ordinal))
        {
            await cli.Out.WriteLineAsync($"  {row.Label,-58} {row.Count,6}");
        }

        return ExitCodes.Ok;
    }
}
