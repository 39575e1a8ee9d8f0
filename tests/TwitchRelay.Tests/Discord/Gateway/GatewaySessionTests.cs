using Microsoft.Extensions.Logging;
using TwitchRelay.Fakes.Discord;

namespace TwitchRelay.Tests.Discord.Gateway;

public sealed class GatewaySessionTests
{
    private const int Identify = 2;
    private const int Heartbeat = 1;
    private const int Resume = 6;

    [Fact]
    public async Task IdentifiesWithOnlyTheGuildsIntentAndWatchingTwitchThenTracksGuilds()
    {
        // Arrange
        await using var rig = await GatewayRig.StartAsync(options =>
        {
            options.Guilds.Add(("200000000000000001", "Alpha"));
            options.Guilds.Add(("200000000000000002", "Beta"));
        });

        // Act
        await rig.WaitForReadyAsync();
        await rig.Server.WaitUntilAsync(() => rig.Guilds.Guilds.Count(g => g.Available) == 2);

        // Assert: identify carries the token, GUILDS (1) only, and the presence.
        var identify = Assert.Single(rig.Server.ClientSent(Identify)).Data;
        Assert.Equal("fake-bot-token", identify.GetProperty("token").GetString());
        Assert.Equal(1, identify.GetProperty("intents").GetInt32());
        var activity = identify.GetProperty("presence").GetProperty("activities")[0];
        Assert.Equal("Twitch", activity.GetProperty("name").GetString());
        Assert.Equal(3, activity.GetProperty("type").GetInt32());
        Assert.True(rig.Guilds.IsOnline);
        Assert.Equal(rig.Server.Options.ApplicationId, rig.Guilds.ApplicationId);
        Assert.Equal(["Alpha", "Beta"], rig.Guilds.Guilds.Select(g => g.Name));

        // Act 2: joined, outage, removed.
        await rig.Server.AddGuildAsync("200000000000000003", "Gamma");
        await rig.Server.WaitUntilAsync(() => rig.Guilds.Contains("200000000000000003"));
        await rig.Server.RemoveGuildAsync("200000000000000001", unavailable: true);
        await rig.Server.RemoveGuildAsync("200000000000000002");
        await rig.Server.WaitUntilAsync(() => !rig.Guilds.Contains("200000000000000002"));

        // Assert 2: an outage keeps the guild, marked unavailable; a removal forgets it.
        var guilds = rig.Guilds.Guilds;
        Assert.Equal(["200000000000000001", "200000000000000003"], guilds.Select(g => g.Id));
        Assert.False(guilds[0].Available);
        Assert.True(guilds[1].Available);
        Assert.Contains(rig.Logs.Entries, e => e.EventId == 6016 && e.Message.Contains("Gamma"));
        Assert.Contains(rig.Logs.Entries, e => e.EventId == 6017 && e.Message.Contains("200000000000000002"));
    }

    [Fact]
    public async Task FirstHeartbeatWaitsTheJitteredIntervalThenEveryIntervalWithTheLastSequence()
    {
        // Arrange: interval 10 s, jitter fixed at 0.5, so the first beat is due 5 s after Hello.
        await using var rig = await GatewayRig.StartAsync(options =>
        {
            options.HeartbeatIntervalMs = 10_000;
            options.Guilds.Add(("200000000000000001", "Alpha"));
        });
        await rig.WaitForReadyAsync();
        await rig.Server.WaitUntilAsync(() => rig.Guilds.Guilds.Any(g => g.Available));

        // Act + Assert: nothing before 5 s, one at 5 s.
        rig.Time.Advance(TimeSpan.FromMilliseconds(4_999));
        await Task.Delay(200, TestContext.Current.CancellationToken);
        Assert.Empty(rig.Server.ClientSent(Heartbeat));
        rig.Time.Advance(TimeSpan.FromMilliseconds(1));
        await rig.Server.WaitUntilAsync(() => rig.Server.ClientSent(Heartbeat).Count == 1);

        // READY is 1, GUILD_CREATE is 2: the beat carries the last sequence received.
        Assert.Equal(2, rig.Server.ClientSent(Heartbeat)[0].Data.GetInt64());

        // Then every full interval.
        rig.Time.Advance(TimeSpan.FromMilliseconds(9_999));
        await Task.Delay(200, TestContext.Current.CancellationToken);
        Assert.Single(rig.Server.ClientSent(Heartbeat));
        rig.Time.Advance(TimeSpan.FromMilliseconds(1));
        await rig.Server.WaitUntilAsync(() => rig.Server.ClientSent(Heartbeat).Count == 2);

        // Discord may ask for a beat at once (op 1).
        await rig.Server.RequestHeartbeatAsync();
        await rig.Server.WaitUntilAsync(() => rig.Server.ClientSent(Heartbeat).Count == 3);
        Assert.Single(rig.Server.ClientSent(Identify));
    }

    [Fact]
    public async Task AMissingHeartbeatAckIsAZombieThatIsClosedAsResumableAndResumed()
    {
        // Arrange: Discord stops acknowledging heartbeats.
        await using var rig = await GatewayRig.StartAsync(options =>
        {
            options.HeartbeatIntervalMs = 10_000;
            options.AckHeartbeats = false;
            options.Guilds.Add(("200000000000000001", "Alpha"));
        });
        await rig.WaitForReadyAsync();
        var sessionId = rig.Listener.Dispatches[0].Data.GetProperty("session_id").GetString();

        // Act: the first beat at 5 s gets no ACK; at the next due beat (15 s) the client gives up on the socket.
        rig.Time.Advance(TimeSpan.FromSeconds(5));
        await rig.Server.WaitUntilAsync(() => rig.Server.ClientSent(Heartbeat).Count == 1);
        rig.Time.Advance(TimeSpan.FromSeconds(10));
        await rig.Server.WaitUntilAsync(() => rig.Listener.Types.Contains("RESUMED"));

        // Assert: closed with a code other than 1000/1001 (which would end the session), then resumed at the
        // resume_gateway_url with the session and the last sequence; never identified again.
        var closed = Assert.Single(rig.Server.Records, r => r.Kind == FakeGatewayRecordKind.ClosedByClient);
        Assert.NotNull(closed.CloseCode);
        Assert.NotEqual(1000, closed.CloseCode);
        Assert.NotEqual(1001, closed.CloseCode);
        var connected = rig.Server.Records.Where(r => r.Kind == FakeGatewayRecordKind.Connected).ToList();
        Assert.Equal(2, connected.Count);
        Assert.Equal("/resume?v=10&encoding=json", connected[1].Detail);
        var resume = Assert.Single(rig.Server.ClientSent(Resume)).Data;
        Assert.Equal(sessionId, resume.GetProperty("session_id").GetString());
        Assert.Equal(2, resume.GetProperty("seq").GetInt64());
        Assert.Equal("fake-bot-token", resume.GetProperty("token").GetString());
        Assert.Single(rig.Server.ClientSent(Identify));
        Assert.True(rig.Guilds.Contains("200000000000000001"));
        Assert.Contains(rig.Logs.Entries, e => e.EventId == 6005);
    }

    [Fact]
    public async Task ADroppedConnectionResumesAndReceivesTheDispatchesItMissed()
    {
        // Arrange
        await using var rig = await GatewayRig.StartAsync();
        await rig.WaitForReadyAsync();

        // Act: the TCP connection drops; Discord keeps dispatching into the session meanwhile.
        rig.Server.Drop();
        await rig.Server.WaitUntilAsync(() => rig.Server.OpenConnections == 0);
        await rig.Server.AddGuildAsync("200000000000000009", "Joined while away");
        await rig.AdvanceUntilAsync(() => rig.Listener.Types.Contains("RESUMED"), TimeSpan.FromMilliseconds(500));

        // Assert: resumed (one identify only) and the missed GUILD_CREATE was replayed before RESUMED.
        Assert.Single(rig.Server.ClientSent(Identify));
        Assert.Single(rig.Server.ClientSent(Resume));
        Assert.True(rig.Guilds.Contains("200000000000000009"));
        var types = rig.Listener.Types;
        Assert.True(types.ToList().IndexOf("GUILD_CREATE") < types.ToList().IndexOf("RESUMED"));
        Assert.True(rig.Guilds.IsOnline);
    }

    [Fact]
    public async Task ReconnectOpcodeMovesToANewConnectionAndResumes()
    {
        // Arrange
        await using var rig = await GatewayRig.StartAsync();
        await rig.WaitForReadyAsync();

        // Act
        await rig.Server.SendReconnectAsync();
        await rig.Server.WaitUntilAsync(() => rig.Listener.Types.Contains("RESUMED"));

        // Assert
        Assert.Single(rig.Server.ClientSent(Identify));
        Assert.Single(rig.Server.ClientSent(Resume));
        var closed = Assert.Single(rig.Server.Records, r => r.Kind == FakeGatewayRecordKind.ClosedByClient);
        Assert.NotEqual(1000, closed.CloseCode);
    }

    [Fact]
    public async Task AnInvalidSessionThatCannotResumeIdentifiesAgainAfterAWait()
    {
        // Arrange
        await using var rig = await GatewayRig.StartAsync();
        await rig.WaitForReadyAsync();

        // Act: op 9 with d=false. With the jitter at 0.5, the wait is 1 + 4 × 0.5 = 3 s.
        await rig.Server.SendInvalidSessionAsync(resumable: false);
        await rig.AdvanceUntilAsync(
            () => rig.Listener.Types.Count(t => t == "READY") == 2,
            TimeSpan.FromMilliseconds(100));

        // Assert: a fresh identify on the configured URL, no resume, at least 3 s after the close.
        var identifies = rig.Server.ClientSent(Identify);
        Assert.Equal(2, identifies.Count);
        Assert.Empty(rig.Server.ClientSent(Resume));
        var closed = Assert.Single(rig.Server.Records, r => r.Kind == FakeGatewayRecordKind.ClosedByClient);
        Assert.True(identifies[1].Time - closed.Time >= TimeSpan.FromSeconds(3), $"{identifies[1].Time - closed.Time}");
        var connected = rig.Server.Records.Where(r => r.Kind == FakeGatewayRecordKind.Connected).ToList();
        Assert.StartsWith("/gateway?", connected[1].Detail);
    }

    [Fact]
    public async Task InvalidSessionsBeforeReadyBackOffInsteadOfIdentifyingEveryFewSeconds()
    {
        // Arrange: Discord answers the next four identifies with op 9 (d=false).
        await using var rig = await GatewayRig.StartAsync(maxBackoff: TimeSpan.FromSeconds(16));
        await rig.WaitForReadyAsync();
        rig.Server.Options.InvalidSessionsOnIdentify = 4;

        // Act
        await rig.Server.SendInvalidSessionAsync(resumable: false);
        await rig.AdvanceUntilAsync(
            () => rig.Listener.Types.Count(t => t == "READY") == 2,
            TimeSpan.FromMilliseconds(250));

        // Assert: six identifies; the gaps between the refused ones grow with the back-off (1 s doubling, jitter
        // 0.5: 1.5, 3, 6, 12 s) instead of staying at Discord's 1-5 s, which would spend the daily identify budget.
        var identifies = rig.Server.ClientSent(Identify).Select(r => r.Time).ToList();
        Assert.Equal(6, identifies.Count);
        var gaps = identifies.Zip(identifies.Skip(1), (a, b) => b - a).Skip(1).ToList();
        Assert.True(gaps[^1] >= TimeSpan.FromSeconds(12), string.Join(", ", gaps));
        Assert.True(gaps[^1] > gaps[0], string.Join(", ", gaps));
    }

    [Fact]
    public async Task AnInvalidSessionThatMayResumeResumes()
    {
        // Arrange
        await using var rig = await GatewayRig.StartAsync();
        await rig.WaitForReadyAsync();

        // Act
        await rig.Server.SendInvalidSessionAsync(resumable: true);
        await rig.Server.WaitUntilAsync(() => rig.Listener.Types.Contains("RESUMED"));

        // Assert
        Assert.Single(rig.Server.ClientSent(Identify));
        Assert.Single(rig.Server.ClientSent(Resume));
    }

    [Fact]
    public async Task SessionTimedOutStartsANewSessionAndUnknownErrorResumes()
    {
        // Arrange
        await using var rig = await GatewayRig.StartAsync();
        await rig.WaitForReadyAsync();

        // Act 1: 4000 (unknown error) may resume.
        await rig.Server.CloseAsync(4000);
        await rig.AdvanceUntilAsync(() => rig.Listener.Types.Contains("RESUMED"), TimeSpan.FromMilliseconds(500));

        // Act 2: 4009 (session timed out) needs a new session.
        await rig.Server.CloseAsync(4009);
        await rig.AdvanceUntilAsync(
            () => rig.Listener.Types.Count(t => t == "READY") == 2,
            TimeSpan.FromMilliseconds(500));

        // Assert
        Assert.Single(rig.Server.ClientSent(Resume));
        Assert.Equal(2, rig.Server.ClientSent(Identify).Count);
    }

    [Fact]
    public async Task AuthenticationFailedStopsTheSessionWithAnErrorNamingTheSetting()
    {
        // Arrange: the bot token Discord knows differs from the configured one.
        await using var rig = await GatewayRig.StartAsync(options => options.BotToken = "the-real-token");

        // Act: Discord closes with 4004; then plenty of time passes.
        await rig.Server.WaitUntilAsync(() => rig.Gateway.ExecuteTask?.IsCompleted == true);
        rig.Time.Advance(TimeSpan.FromMinutes(30));
        await Task.Delay(200, TestContext.Current.CancellationToken);

        // Assert: one attempt only, and an error an operator can act on.
        Assert.Single(rig.Server.Records, r => r.Kind == FakeGatewayRecordKind.Connected);
        Assert.Single(rig.Server.Records, r => r.Kind == FakeGatewayRecordKind.ClosedByServer && r.CloseCode == 4004);
        var error = Assert.Single(rig.Logs.Entries, e => e.EventId == 6008);
        Assert.Equal(LogLevel.Error, error.Level);
        Assert.Contains("Discord:BotToken", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("fake-bot-token", string.Join("\n", rig.Logs.Entries.Select(e => e.AllText)));
        Assert.False(rig.Guilds.IsOnline);
    }

    [Fact]
    public async Task DisallowedIntentsAreFatalToo()
    {
        // Arrange
        await using var rig = await GatewayRig.StartAsync();
        await rig.WaitForReadyAsync();

        // Act
        await rig.Server.CloseAsync(4014);
        await rig.Server.WaitUntilAsync(() => rig.Gateway.ExecuteTask?.IsCompleted == true);

        // Assert
        var error = Assert.Single(rig.Logs.Entries, e => e.EventId == 6008);
        Assert.Contains("4014", error.Message, StringComparison.Ordinal);
        Assert.Single(rig.Server.Records, r => r.Kind == FakeGatewayRecordKind.Connected);
    }

    [Fact]
    public async Task WithoutABotTokenTheGatewayNeverConnects()
    {
        // Arrange + Act
        await using var rig = await GatewayRig.StartAsync(botToken: null);
        await rig.Server.WaitUntilAsync(() => rig.Gateway.ExecuteTask?.IsCompleted == true);

        // Assert
        Assert.Empty(rig.Server.Records);
        Assert.Contains(rig.Logs.Entries, e => e.EventId == 6000);
    }

    [Fact]
    public async Task StoppingClosesWithNormalClosure()
    {
        // Arrange
        var rig = await GatewayRig.StartAsync();
        await rig.WaitForReadyAsync();

        // Act
        await rig.Gateway.StopAsync(TestContext.Current.CancellationToken);

        // Assert: 1000 ends the session at Discord, so the bot shows offline at once.
        var closed = Assert.Single(rig.Server.Records, r => r.Kind == FakeGatewayRecordKind.ClosedByClient);
        Assert.Equal(1000, closed.CloseCode);
        await rig.DisposeAsync();
    }
}
