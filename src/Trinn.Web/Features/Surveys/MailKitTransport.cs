using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using Trinn.Core.Surveys;

namespace Trinn.Web.Features.Surveys;

/// <summary>Sends by SMTP with MailKit, one connection per message (the volume is a handful a day per team).</summary>
internal sealed class MailKitTransport(IOptions<MailOptions> options) : IMailTransport
{
    public bool IsConfigured => options.Value.IsConfigured;

    public async Task SendAsync(MailToSend message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        var o = options.Value;
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(o.FromName, o.From));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = message.Subject;
        mime.Body = new TextPart("plain") { Text = message.Body };

        using var client = new SmtpClient { Timeout = 30_000 };
        var tls = o.Tls switch
        {
            MailTls.StartTls => SecureSocketOptions.StartTls,
            MailTls.SslOnConnect => SecureSocketOptions.SslOnConnect,
            MailTls.None => SecureSocketOptions.None,
            MailTls.Auto or _ => SecureSocketOptions.StartTlsWhenAvailable,
        };
        await client.ConnectAsync(o.Host!, o.Port, tls, ct);
        if (!string.IsNullOrEmpty(o.User))
        {
            await client.AuthenticateAsync(o.User, Environment.GetEnvironmentVariable(MailOptions.PasswordVariable) ?? "", ct);
        }

        await client.SendAsync(mime, ct);
        await client.DisconnectAsync(true, ct);
    }
}
