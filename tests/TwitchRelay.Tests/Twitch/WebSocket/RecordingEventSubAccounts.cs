using TwitchRelay.Fakes.Twitch;
using TwitchRelay.Twitch.EventSub.WebSocket;

namespace TwitchRelay.Tests.Twitch.WebSocket;

/// <summary>The integrator's two seams, for tests: a subscriber that records each call and tells the fake server
/// the session now has subscriptions (as Helix would), and an account list the test sets.</summary>
internal sealed class RecordingEventSubAccounts(FakeEventSubWebSocket server)
    : IEventSubSessionSubscriber, IEventSubAccountSource
{
    private readonly Lock gate = new();
    private readonly List<(string BroadcasterId, string SessionId)> calls = [];
    private IReadOnlyList<string> broadcasterIds = [];
    private TaskCompletionSource changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<(string BroadcasterId, string SessionId)> Calls
    {
        get
        {
            lock (gate)
            {
                return [.. calls];
            }
        }
    }

    public Task SubscribeAsync(string broadcasterId, string sessionId, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            calls.Add((broadcasterId, sessionId));
        }

        server.MarkSubscribed(sessionId);
        return Task.CompletedTask;
    }

    public void Set(params string[] ids)
    {
        TaskCompletionSource previous;
        lock (gate)
        {
            broadcasterIds = ids;
            previous = changed;
            changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        previous.TrySetResult();
    }

    public Task<IReadOnlyList<string>> GetBroadcasterIdsAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(broadcasterIds);
        }
    }

    public Task WaitForChangeAsync(CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return changed.Task.WaitAsync(cancellationToken);
        }
    }
}
