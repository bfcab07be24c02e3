namespace Trinn.Core.Common;

/// <summary>
/// A business rule refused a change. <see cref="Field"/> names the input field that caused it and
/// <see cref="MessageKey"/> is a resource key the UI turns into a Norwegian message.
/// </summary>
public sealed class DomainException : Exception
{
    public DomainException(string field, string messageKey)
        : base(messageKey)
    {
        Field = field;
        MessageKey = messageKey;
    }

    public DomainException()
    {
        Field = string.Empty;
        MessageKey = string.Empty;
    }

    public DomainException(string message)
        : base(message)
    {
        Field = string.Empty;
        MessageKey = message;
    }

    public DomainException(string message, Exception innerException)
        : base(message, innerException)
    {
        Field = string.Empty;
        MessageKey = message;
    }

    public string Field { get; }

    public string MessageKey { get; }
}
