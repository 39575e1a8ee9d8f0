using System.Text.Json;
using Microsoft.Extensions.Options;
using TwitchRelay.Discord.Gateway;

namespace TwitchRelay.Discord.Commands;

/// <summary>Registers the slash commands by bulk overwrite once the first READY names the application, globally
/// or in <c>Discord:CommandGuildId</c> (guild commands show at once; global ones can take a while to appear).
/// A failure is logged and tried again at the next READY, never in a loop.</summary>
internal sealed partial class CommandRegistrar(
    DiscordInteractionClient client,
    IOptions<DiscordOptions> options,
    ILogger<CommandRegistrar> logger) : IGatewayDispatchListener
{
    private int started;

    /// <summary>The registration in flight or done (for tests).</summary>
    public Task Registration { get; private set; } = Task.CompletedTask;

    public ValueTask OnDispatchAsync(GatewayDispatch dispatch, CancellationToken cancellationToken)
    {
        if (dispatch.Type != "READY"
            || !dispatch.Data.TryGetProperty("application", out var application)
            || !application.TryGetProperty("id", out var idElement)
            || idElement.ValueKind != JsonValueKind.String
            || Interlocked.CompareExchange(ref started, 1, 0) != 0)
        {
            return ValueTask.CompletedTask;
        }

        var applicationId = idElement.GetString()!;
        Registration = Task.Run(() => RegisterAsync(applicationId, cancellationToken), CancellationToken.None);
        return ValueTask.CompletedTask;
    }

    private async Task RegisterAsync(string applicationId, CancellationToken cancellationToken)
    {
        var guildId = options.Value.CommandGuildId;
        var commands = SlashCommands.Definitions();
        try
        {
            var result = await client.OverwriteCommandsAsync(applicationId, guildId, commands, cancellationToken);
            if (result is DiscordDone)
            {
                LogRegistered(commands.Count, guildId is null ? "globally" : $"in server {guildId}");
                return;
            }

            LogFailed(result.ToString());
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping.
        }
        catch (Exception exception)
        {
            LogCrashed(exception);
        }

        Interlocked.Exchange(ref started, 0);
    }

    [LoggerMessage(EventId = 6050, Level = LogLevel.Information,
        Message = "Registered {Count} slash command(s) {Scope}")]
    private partial void LogRegistered(int count, string scope);

    [LoggerMessage(EventId = 6051, Level = LogLevel.Error,
        Message = "Could not register the slash commands: {Result}; trying again at the next gateway session")]
    private partial void LogFailed(string result);

    [LoggerMessage(EventId = 6052, Level = LogLevel.Error, Message = "Registering the slash commands failed")]
    private partial void LogCrashed(Exception exception);
}
