namespace Ariadne.Web.Data;

/// <summary>Column lengths that several features' mappings share, so a person's name fits the same everywhere.</summary>
internal static class ColumnLengths
{
    /// <summary>A person's or organisation's name as recorded beside an action.</summary>
    public const int Name = 200;

    /// <summary>A free-text note, reason or summary.</summary>
    public const int Note = 2000;

    /// <summary>A document's text, such as a recorded statement: long, because a statement is not cut short.</summary>
    public const int Document = 100_000;
}
