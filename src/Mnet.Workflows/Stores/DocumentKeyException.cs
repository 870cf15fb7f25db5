namespace Mnet.Workflows.Stores;

/// <summary>A key (or prefix) that is not a valid document key.</summary>
public sealed class DocumentKeyException : ArgumentException
{
    public DocumentKeyException(string key)
        : base($"\"{key}\" is not a valid document key: slash-separated segments of letters, digits, \".\", \"_\" " +
               "and \"-\", each starting with a letter or digit")
    {
        Key = key;
    }

    public string Key { get; }
}
