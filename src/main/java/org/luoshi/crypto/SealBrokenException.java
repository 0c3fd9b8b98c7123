package org.luoshi.crypto;

/**
 * A sealed value that does not open: the configured key is not the one it was sealed with, its key is not
 * configured, or the stored value was changed. Nothing half-read is returned.
 */
public class SealBrokenException extends IllegalStateException {

    public SealBrokenException(String column, String why) {
        super("无法解密 " + column + " 中的数据：" + why + "。请检查数据加密密钥 luoshi.security.data-key"
                + "（环境变量 LUOSHI_SECURITY_DATA_KEY）是否为加密这些数据时所用的密钥。");
    }
}
