using System.Buffers;
using System.Collections.Concurrent;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Trinn.Web.Tests.Surveys;

/// <summary>A real SMTP server (the SmtpServer package) on a free port on 127.0.0.1, keeping every message it receives.</summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task running;

    public TestSmtpServer()
    {
        Port = FreePort();
        var options = new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, Port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(Messages, rejections));
        var server = new SmtpServer.SmtpServer(options, services);
        running = server.StartAsync(stop.Token);
    }

    public int Port { get; }

    public ConcurrentQueue<MimeMessage> Messages { get; } = new();

    /// <summary>The next this many messages are refused with "554 transaction failed" (a failing server).</summary>
    public int RejectNext
    {
        get => rejections.Remaining;
        set => rejections.Remaining = value;
    }

    private readonly Rejections rejections = new();

    /// <summary>How long the server takes to accept each message (a slow server widens every race between senders).</summary>
    public TimeSpan Delay
    {
        get => rejections.Delay;
        set => rejections.Delay = value;
    }

    public IReadOnlyList<MimeMessage> To(string address) =>
        Messages.Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase))).ToList();

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try
        {
            await running;
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        stop.Dispose();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class Rejections
    {
        public int Remaining;

        public TimeSpan Delay;
    }

    private sealed class Store(ConcurrentQueue<MimeMessage> messages, Rejections rejections) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (rejections.Delay > TimeSpan.Zero)
            {
                await Task.Delay(rejections.Delay, cancellationToken);
            }

            if (Interlocked.Decrement(ref rejections.Remaining) >= 0)
            {
                return SmtpResponse.TransactionFailed;
            }

            Interlocked.Exchange(ref rejections.Remaining, 0);
            await using var stream = new MemoryStream(buffer.ToArray());
            messages.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
