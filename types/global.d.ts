/// <reference types="@tarojs/taro" />
declare module '*.png'
declare module '*.svg'
declare module '*.css'
declare module '*.scss'

/** build-time constants from config/index.ts (defineConstants) */
declare const CLOUD_ENV_ID: string
declare const H5_API_BASE: string
/** the storage's public address, where calls' public files are read from ('' : none) */
declare const PUBLIC_FILES_BASE: string

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV?: 'development' | 'production' | 'test'
    TARO_ENV?: 'weapp' | 'swan' | 'alipay' | 'h5' | 'rn' | 'tt' | 'qq' | 'jd' | 'harmony' | 'jdrn'
    TARO_APP_ID?: string
  }
}
