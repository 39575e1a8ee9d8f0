using System.Collections.Concurrent;
using TwitchRelay.Discord.Gateway;

namespace TwitchRelay.Discord.Commands;

/// <summary>Timings of slash command answers.</summary>
internal sealed class InteractionTuning
{
    /// <summary>Work still running after this is acknowledged with a deferred answer (type 5) and finished by an
    /// edit: Discord invalidates the token of an interaction not answered within 3 s.
    /// https://discord.com/developers/docs/interactions/receiving-and-responding#responding-to-an-interaction</summary>
    public TimeSpan DeferAfter { get; init; } = TimeSpan.FromSeconds(1.5);
}

/// <summary>Answers INTERACTION_CREATE dispatches from the gateway. The gateway's read loop only starts the work;
/// the answer is sent from here, so heartbeats never wait on a database query.</summary>
internal sealed partial class InteractionResponder(
    DiscordInteractionClient client,
    TwitchCommandHandler handler,
    InteractionTuning tuning,
    TimeProvider time,
    ILogger<InteractionResponder> logger) : IGatewayDispatchListener
{
    private readonly ConcurrentDictionary<string, Task> running = new(StringComparer.Ordinal);

    /// <summary>Answers in progress (for tests).</summary>
    public Task WhenIdleAsync() => Task.WhenAll(running.Values);

    public ValueTask OnDispatchAsync(GatewayDispatch dispatch, CancellationToken cancellationToken)
    {
        if (dispatch.Type != "INTERACTION_CREATE")
        {
            return ValueTask.CompletedTask;
        }

        var interaction = Interaction.Parse(dispatch.Data);
        if (interaction is null)
        {
            LogUnreadable();
            return ValueTask.CompletedTask;
        }

        var task = Task.Run(() => AnswerAsync(interaction, cancellationToken), CancellationToken.None);
        running[interaction.Id] = task;
        _ = task.ContinueWith(_ => running.TryRemove(interaction.Id, out Task? _), TaskScheduler.Default);
        return ValueTask.CompletedTask;
    }

    private async Task AnswerAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        var acknowledged = false;
        try
        {
            if (interaction.Type == Interaction.Autocomplete)
            {
                await SuggestAsync(interaction, cancellationToken);
                return;
            }

            if (interaction.Type != Interaction.ApplicationCommand)
            {
                return;
            }

            LogCommand(interaction.SubcommandName ?? "", interaction.GuildId, interaction.UserId);
            var work = handler.HandleAsync(interaction, cancellationToken);
            var deadline = Task.Delay(tuning.DeferAfter, time, cancellationToken);
            if (tuning.DeferAfter > TimeSpan.Zero && await Task.WhenAny(work, deadline) == work)
            {
                Report(await client.ReplyAsync(interaction, await work, cancellationToken), interaction);
                return;
            }

            var deferred = await client.DeferAsync(interaction, ephemeral: true, cancellationToken);
            Report(deferred, interaction);
            acknowledged = deferred is DiscordDone;
            var reply = await work;
            if (deferred is DiscordDone)
            {
                Report(await client.EditOriginalAsync(interaction, reply, cancellationToken), interaction);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping.
        }
        catch (Exception exception)
        {
            LogFailed(exception, interaction.SubcommandName ?? "");
            var sorry = new InteractionReply("Something went wrong; the service's log has the details.");
            var answer = acknowledged
                ? client.EditOriginalAsync(interaction, sorry, CancellationToken.None)
                : client.ReplyAsync(interaction, sorry, CancellationToken.None);
            Report(await answer, interaction);
        }
    }

    private async Task SuggestAsync(Interaction interaction, CancellationToken cancellationToken)
    {
        var typed = interaction.FocusedOption is { } focused ? interaction.Options.GetValueOrDefault(focused) : null;
        var keys = TwitchCommandHandler.TestableEventKeys
            .Where(k => string.IsNullOrEmpty(typed) || k.Contains(typed, StringComparison.OrdinalIgnoreCase))
            .OrderBy(k => !k.StartsWith(typed ?? "", StringComparison.OrdinalIgnoreCase))
            .ThenBy(k => k, StringComparer.Ordinal);
        Report(await client.SuggestAsync(interaction, keys, cancellationToken), interaction);
    }

    private void Report(DiscordResult result, Interaction interaction)
    {
        if (result is not DiscordDone)
        {
            LogAnswerFailed(interaction.SubcommandName ?? "", result.ToString());
        }
    }

    [LoggerMessage(EventId = 6060, Level = LogLevel.Warning, Message = "An interaction could not be read")]
    private partial void LogUnreadable();

    [LoggerMessage(EventId = 6061, Level = LogLevel.Information,
        Message = "/twitch {Subcommand} used in guild {GuildId} by user {UserId}")]
    private partial void LogCommand(string subcommand, string? guildId, string? userId);

    [LoggerMessage(EventId = 6062, Level = LogLevel.Warning,
        Message = "The answer to /twitch {Subcommand} was not accepted: {Result}")]
    private partial void LogAnswerFailed(string subcommand, string result);

    [LoggerMessage(EventId = 6063, Level = LogLevel.Error, Message = "/twitch {Subcommand} failed")]
    private partial void LogFailed(Exception exception, string subcommand);
}
