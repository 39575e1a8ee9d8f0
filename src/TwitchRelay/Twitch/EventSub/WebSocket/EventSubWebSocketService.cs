using Microsoft.Extensions.Options;

namespace TwitchRelay.Twitch.EventSub.WebSocket;

/// <summary>Keeps exactly one EventSub WebSocket per linked broadcaster while <c>EventSub:Transport</c> is
/// <c>websocket</c>: starts one for each account the source lists and stops those it no longer lists. Twitch allows
/// 3 connections per user token and one broadcaster's ~40 subscriptions fit on one (300 per connection), so one is
/// all we open. https://dev.twitch.tv/docs/eventsub/handling-websocket-events/#connecting-to-the-websocket-server
/// </summary>
internal sealed partial class EventSubWebSocketService(
    IEventSubAccountSource accounts,
    EventSubWebSocketConnectionFactory connections,
    IOptions<EventSubOptions> options,
    EventSubWebSocketTuning tuning,
    TimeProvider time,
    ILogger<EventSubWebSocketService> logger) : BackgroundService
{
    private readonly Dictionary<string, RunningConnection> running = new(StringComparer.Ordinal);

    /// <summary>The broadcasters with a connection now (for tests and the dashboard).</summary>
    public IReadOnlyCollection<string> BroadcasterIds
    {
        get
        {
            lock (running)
            {
                return [.. running.Keys];
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.UsesWebhooks)
        {
            LogNotUsed();
            return;
        }

        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                // Ask for the signal before reading the set, so a change in between is not missed.
                var change = accounts.WaitForChangeAsync(stoppingToken);
                await ReconcileAsync(stoppingToken);
                await change;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the connections close below.
        }
        finally
        {
            await StopAllAsync();
        }
    }

    private async Task ReconcileAsync(CancellationToken stoppingToken)
    {
        IReadOnlyList<string> wanted;
        try
        {
            wanted = await accounts.GetBroadcasterIdsAsync(stoppingToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException
            || !stoppingToken.IsCancellationRequested)
        {
            LogAccountsFailed(exception, tuning.MaxBackoff);
            await Task.Delay(tuning.MaxBackoff, time, stoppingToken);
            return;
        }

        var wantedSet = wanted.ToHashSet(StringComparer.Ordinal);
        List<RunningConnection> removed;
        lock (running)
        {
            removed = [.. running.Values.Where(r => !wantedSet.Contains(r.Connection.BroadcasterId))];
            foreach (var connection in removed)
            {
                running.Remove(connection.Connection.BroadcasterId);
            }

            foreach (var broadcasterId in wantedSet.Where(id => !running.ContainsKey(id)))
            {
                LogStarting(broadcasterId);
                running[broadcasterId] = RunningConnection.Start(connections.Create(broadcasterId));
            }
        }

        foreach (var connection in removed)
        {
            LogStopping(connection.Connection.BroadcasterId);
            await connection.StopAsync();
        }
    }

    private async Task StopAllAsync()
    {
        List<RunningConnection> all;
        lock (running)
        {
            all = [.. running.Values];
            running.Clear();
        }

        await Task.WhenAll(all.Select(connection => connection.StopAsync()));
    }

    [LoggerMessage(EventId = 1430, Level = LogLevel.Debug,
        Message = "EventSub:Transport is webhook; no EventSub WebSocket is opened")]
    private partial void LogNotUsed();

    [LoggerMessage(EventId = 1431, Level = LogLevel.Information,
        Message = "Opening the EventSub WebSocket of broadcaster {BroadcasterId}")]
    private partial void LogStarting(string broadcasterId);

    [LoggerMessage(EventId = 1432, Level = LogLevel.Information,
        Message = "Closing the EventSub WebSocket of broadcaster {BroadcasterId}: no longer linked")]
    private partial void LogStopping(string broadcasterId);

    [LoggerMessage(EventId = 1433, Level = LogLevel.Error,
        Message = "Could not list the accounts that need an EventSub WebSocket; trying again in {Delay}")]
    private partial void LogAccountsFailed(Exception exception, TimeSpan delay);

    private sealed class RunningConnection(EventSubWebSocketConnection connection, CancellationTokenSource stop)
    {
        private Task task = Task.CompletedTask;

        public EventSubWebSocketConnection Connection { get; } = connection;

        public static RunningConnection Start(EventSubWebSocketConnection connection)
        {
            var result = new RunningConnection(connection, new CancellationTokenSource());
            result.task = Task.Run(() => connection.RunAsync(result.StopToken));
            return result;
        }

        private CancellationToken StopToken => stop.Token;

        public async Task StopAsync()
        {
            await stop.CancelAsync();
            await task;
            stop.Dispose();
        }
    }
}
