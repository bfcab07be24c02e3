namespace Trinn.Web.Shared;

/// <summary>Marker type for the shared UI texts in <c>Resources/Shared.SharedResource.resx</c> (Norwegian bokmål).</summary>
#pragma warning disable CA1812 // Used only as a type argument for IStringLocalizer<T>.
public sealed class SharedResource;
#pragma warning restore CA1812
