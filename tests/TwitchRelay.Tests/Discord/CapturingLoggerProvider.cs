using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace TwitchRelay.Tests.Discord;

/// <summary>Keeps every log line at every level, to check what reaches the logs (and what must not).</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLog> entries = new();

    public IReadOnlyList<CapturedLog> Entries => [.. entries];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, entries);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<CapturedLog> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(
            LogLevel logLevel,
            EventId eventId,
            TState state,
            Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            var properties = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? string.Join(";", pairs.Select(p => $"{p.Key}={p.Value}"))
                : "";
            entries.Enqueue(new CapturedLog(
                category,
                logLevel,
                eventId.Id,
                formatter(state, exception),
                properties,
                exception?.ToString()));
        }
    }
}

internal sealed record CapturedLog(
    string Category,
    LogLevel Level,
    int EventId,
    string Message,
    string Properties,
    string? Exception)
{
    public string AllText => $"{Category} {Message} {Properties} {Exception}";
}
