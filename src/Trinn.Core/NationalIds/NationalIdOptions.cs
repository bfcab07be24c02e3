namespace Trinn.Core.NationalIds;

/// <summary>The <c>NationalIds</c> configuration section, shared by the web app and the CLI.</summary>
public sealed class NationalIdOptions
{
    public const string SectionName = "NationalIds";

    /// <summary>Accept Skatteetaten's synthetic test numbers (month + 80). Off by default; on for development, demo and tests.</summary>
    public bool AllowSynthetic { get; set; }

    /// <summary>AES-256 key (32 bytes, base64) for national IDs at rest. Required outside development, demo and tests.</summary>
    public string? EncryptionKey { get; set; }

    /// <summary>HMAC key (32 bytes, base64) for exact national-ID lookup. Required outside development, demo and tests.</summary>
    public string? LookupKey { get; set; }

    /// <summary>Both keys are absent: the host runs on the development keys if it allows them.</summary>
    public bool HasNoKeys => string.IsNullOrEmpty(EncryptionKey) && string.IsNullOrEmpty(LookupKey);
}
