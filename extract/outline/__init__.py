"""zhenggai.outline"""
